// A helper module shared by the migrations, written as an ES module.
import { DataTypes } from 'sequelize';

export const timestamps = () => ({
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
});

export function primaryKey() {
  return { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false } };
}

export default { timestamps, primaryKey };
