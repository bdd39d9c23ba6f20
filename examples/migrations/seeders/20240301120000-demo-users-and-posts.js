'use strict';

const now = new Date('2024-03-01T12:00:00Z');

const users = [
  { username: 'ada', displayName: 'Ada Lovelace', role: 'admin', isActive: true },
  { username: 'grace', displayName: 'Grace Hopper', role: 'author', isActive: true },
  { username: 'linus', displayName: null, role: 'reader', isActive: false }
];

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    await queryInterface.bulkInsert('users', users.map((user) => ({
      ...user,
      createdAt: now,
      updatedAt: now
    })), {});

    const rows = await queryInterface.sequelize.query(
      'SELECT id, username FROM users WHERE username IN (:usernames)',
      {
        type: Sequelize.QueryTypes.SELECT,
        replacements: { usernames: users.map((user) => user.username) }
      }
    );
    const idOf = Object.fromEntries(rows.map((row) => [row.username, row.id]));

    await queryInterface.bulkInsert('user_emails', users.map((user) => ({
      userId: idOf[user.username],
      address: `${user.username}@example.com`,
      verified: user.isActive,
      createdAt: now,
      updatedAt: now
    })), {});

    await queryInterface.bulkInsert('posts', [{
      title: 'Hello, world',
      slug: 'hello-world',
      body: "It's our first post. Welcome!",
      status: 'published',
      publishedAt: now,
      authorId: idOf.grace,
      createdAt: now,
      updatedAt: now
    }, {
      title: 'Drafts are private',
      slug: 'drafts-are-private',
      body: 'Nobody but the author sees this yet.',
      status: 'draft',
      publishedAt: null,
      authorId: idOf.ada,
      createdAt: now,
      updatedAt: now
    }], {});
  },

  async down (queryInterface, Sequelize) {
    await queryInterface.bulkDelete('posts', { slug: ['hello-world', 'drafts-are-private'] }, {});
    await queryInterface.bulkDelete('user_emails', {
      address: users.map((user) => `${user.username}@example.com`)
    }, {});
    await queryInterface.bulkDelete('users', { username: users.map((user) => user.username) }, {});
  }
};
