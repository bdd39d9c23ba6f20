'use strict';
// The mixed style the census found in 89 files: ES imports, CommonJS exports.
import * as path from 'path';
import { DataTypes, Op } from 'sequelize';

module.exports = {
  up: async (queryInterface) => {
    await queryInterface.addColumn('tasks', 'estimateHours', { type: DataTypes.DECIMAL(5, 1), allowNull: true });
    await queryInterface.addIndex('tasks', ['estimateHours'], {
      name: `${path.basename('/idx/tasks_estimated')}`,
      where: { estimateHours: { [Op.ne]: null } },
    });
  },
  down: async (queryInterface) => {
    await queryInterface.removeIndex('tasks', 'tasks_estimated');
    await queryInterface.removeColumn('tasks', 'estimateHours');
  },
};
