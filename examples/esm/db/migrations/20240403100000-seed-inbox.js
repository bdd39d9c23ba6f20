const now = new Date('2024-04-03T10:00:00Z');

// `export const up = …` arrow functions.
export const up = async (queryInterface) => {
  await queryInterface.bulkInsert('projects', [{ id: 1, slug: 'inbox', archived: false, createdAt: now, updatedAt: now }]);
  await queryInterface.bulkInsert('tasks', [
    { projectId: 1, title: 'Try sqzjs', priority: 'high', createdAt: now, updatedAt: now },
    { projectId: 1, title: 'Delete node_modules', priority: 'low', createdAt: now, updatedAt: now },
  ]);
};

export const down = async (queryInterface) => {
  await queryInterface.bulkDelete('tasks', { projectId: 1 });
  await queryInterface.bulkDelete('projects', { id: 1 });
};
