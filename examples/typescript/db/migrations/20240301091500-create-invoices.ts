import type { QueryInterface } from 'sequelize';
import { DataTypes } from 'sequelize';
import { baseColumns } from '../lib/columns';

enum InvoiceStatus {
  Draft = 'draft',
  Sent = 'sent',
  Paid = 'paid',
}

// A default export: `export default { up, down }`.
export default {
  async up(queryInterface: QueryInterface): Promise<void> {
    await queryInterface.createTable('invoices', {
      ...baseColumns(DataTypes),
      accountId: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'accounts', key: 'id' },
        onDelete: 'CASCADE',
        onUpdate: 'CASCADE',
      },
      number: { type: DataTypes.STRING(20), allowNull: false },
      status: {
        type: DataTypes.ENUM(InvoiceStatus.Draft, InvoiceStatus.Sent, InvoiceStatus.Paid),
        allowNull: false,
        defaultValue: InvoiceStatus.Draft,
      },
      totalCents: { type: DataTypes.INTEGER, allowNull: false },
      dueOn: DataTypes.DATEONLY,
    });
  },
  async down(queryInterface: QueryInterface): Promise<void> {
    await queryInterface.dropTable('invoices');
  },
};
