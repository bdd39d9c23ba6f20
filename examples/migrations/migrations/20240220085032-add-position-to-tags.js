'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up (queryInterface, Sequelize) {
    await queryInterface.sequelize.transaction(async (t) => {
      await queryInterface.addColumn('tags', 'position', {
        type: Sequelize.INTEGER,
        allowNull: false,
        defaultValue: 0
      }, { transaction: t });

      // Featured tags go first in the sidebar, alphabetically.
      const featured = await queryInterface.sequelize.query(
        'SELECT id, slug FROM tags WHERE featured = :featured ORDER BY name',
        {
          type: Sequelize.QueryTypes.SELECT,
          replacements: { featured: true },
          transaction: t
        }
      );

      for (const [index, tag] of featured.entries()) {
        await queryInterface.bulkUpdate('tags', { position: index + 1 }, { id: tag.id }, { transaction: t });
      }
    });
  },

  async down (queryInterface, Sequelize) {
    await queryInterface.removeColumn('tags', 'position');
  }
};
