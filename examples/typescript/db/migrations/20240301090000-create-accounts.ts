import { QueryInterface, DataTypes } from 'sequelize';
import { baseColumns, CURRENCIES } from '../lib/columns';

// Named exports: `export async function up/down`.
export async function up(queryInterface: QueryInterface, Sequelize: typeof DataTypes): Promise<void> {
  await queryInterface.createTable('accounts', {
    ...baseColumns(Sequelize),
    name: { type: Sequelize.STRING(80), allowNull: false, unique: true },
    currency: { type: Sequelize.ENUM(...CURRENCIES), allowNull: false, defaultValue: 'EUR' },
    balanceCents: { type: Sequelize.BIGINT, allowNull: false, defaultValue: 0 },
  });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.dropTable('accounts');
}
