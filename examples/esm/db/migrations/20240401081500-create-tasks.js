import helpers from '../lib/helpers';

// Named exports: `export async function up/down`.
export async function up(queryInterface, Sequelize) {
  await queryInterface.createTable('tasks', {
    ...helpers.primaryKey(),
    projectId: {
      type: Sequelize.INTEGER,
      allowNull: false,
      references: { model: 'projects', key: 'id' },
      onDelete: 'CASCADE',
    },
    title: { type: Sequelize.STRING, allowNull: false },
    priority: { type: Sequelize.ENUM('low', 'normal', 'high'), allowNull: false, defaultValue: 'normal' },
    ...helpers.timestamps(),
  });
  await queryInterface.addIndex('tasks', ['projectId', 'priority']);
}

export async function down(queryInterface) {
  await queryInterface.dropTable('tasks');
}
