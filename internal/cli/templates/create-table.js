'use strict';
/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('{{.Table}}', {
      id: {
        allowNull: false,
        autoIncrement: true,
        primaryKey: true,
        type: Sequelize.INTEGER
      },
{{range .Attributes}}      {{.Key}}: {
        type: {{.Type "Sequelize"}}
      },
{{end}}      {{.CreatedAt}}: {
        allowNull: false,
        type: Sequelize.DATE
      },
      {{.UpdatedAt}}: {
        allowNull: false,
        type: Sequelize.DATE
      }
    });
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.dropTable('{{.Table}}');
  }
};