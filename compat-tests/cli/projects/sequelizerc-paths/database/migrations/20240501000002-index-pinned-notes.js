'use strict';

module.exports = {
  up: (queryInterface) => queryInterface.addIndex('notes', ['pinned'], { name: 'notes_pinned' }),
  down: (queryInterface) => queryInterface.removeIndex('notes', 'notes_pinned')
};
