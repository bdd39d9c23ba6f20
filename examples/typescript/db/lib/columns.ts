import type { DataTypes as DataTypesNS, ModelAttributeColumnOptions } from 'sequelize';

type DataTypes = typeof DataTypesNS;

/** The id and timestamp columns every table of the app has. */
export function baseColumns(Sequelize: DataTypes): Record<string, ModelAttributeColumnOptions> {
  return {
    id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    createdAt: { type: Sequelize.DATE, allowNull: false },
    updatedAt: { type: Sequelize.DATE, allowNull: false },
  };
}

export const CURRENCIES = ['EUR', 'USD', 'GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];
