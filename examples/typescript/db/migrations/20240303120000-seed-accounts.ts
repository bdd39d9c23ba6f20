import type { QueryInterface } from 'sequelize';
import type { Currency } from '../lib/columns';

type NewAccount = { name: string; currency: Currency };

const accounts: NewAccount[] = [
  { name: 'Operating', currency: 'EUR' },
  { name: 'Payroll', currency: 'USD' },
];

export const up = async (queryInterface: QueryInterface): Promise<void> => {
  const now = new Date('2024-03-03T12:00:00Z');
  await queryInterface.bulkInsert(
    'accounts',
    accounts.map((a) => ({ ...a, balanceCents: 0, createdAt: now, updatedAt: now })),
  );
};

export const down = async (queryInterface: QueryInterface): Promise<void> => {
  await queryInterface.bulkDelete('accounts', { name: accounts.map((a) => a.name) });
};
