import { DataTypes } from 'sequelize';
import { primaryKey, timestamps } from '../lib/helpers';

// `export default { up, down }`
export default {
  async up(queryInterface) {
    await queryInterface.createTable('projects', {
      ...primaryKey(),
      slug: { type: DataTypes.STRING(60), allowNull: false, unique: true },
      archived: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      ...timestamps(),
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('projects');
  },
};
