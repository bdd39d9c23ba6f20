'use strict';

const createdAt = new Date('2020-01-01T00:00:00Z');

const defaultTags = [
  { label: 'Announcements', slug: 'announcements', featured: true },
  { label: "Editor's picks", slug: 'editors-picks', featured: true },
  { label: 'Guides', slug: 'guides', featured: false },
  { label: 'Release notes', slug: 'release-notes', featured: false }
];

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    await queryInterface.bulkInsert('tags', defaultTags.map((tag) => ({
      ...tag,
      createdAt,
      updatedAt: createdAt
    })));
  },

  async down (queryInterface, Sequelize) {
    await queryInterface.bulkDelete('tags', {
      slug: defaultTags.map((tag) => tag.slug)
    });
  }
};
