'use strict';
import type { QueryInterface, DataTypes } from 'sequelize';

interface IndexSpec {
  fields: string[];
  name: string;
  unique?: boolean;
}

const indexes: IndexSpec[] = [
  { fields: ['number', 'accountId'], name: 'invoices_number_account', unique: true },
  { fields: ['status', 'dueOn'], name: 'invoices_status_due' },
];

// CommonJS exports in a .ts file, as `sequelize-cli migration:generate` users often keep them.
module.exports = {
  async up(queryInterface: QueryInterface, Sequelize: typeof DataTypes) {
    for (const { fields, ...options } of indexes) {
      await queryInterface.addIndex('invoices', fields, options);
    }
    await queryInterface.addColumn('invoices', 'paidAt', { type: Sequelize.DATE, allowNull: true });
  },
  async down(queryInterface: QueryInterface) {
    await queryInterface.removeColumn('invoices', 'paidAt');
    for (const { name } of [...indexes].reverse()) {
      await queryInterface.removeIndex('invoices', name);
    }
  },
};
