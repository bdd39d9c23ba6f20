'use strict';

// The widely copied Sequelize 5 form: addConstraint(table, fields, options).
module.exports = {
  up: function (queryInterface) {
    return queryInterface.addConstraint('projects', ['projectTypeId'], {
      type: 'foreign key',
      name: 'projects_project_type_fk',
      references: { table: 'projectTypes', field: 'id' },
      onDelete: 'set null',
      onUpdate: 'cascade',
    });
  },

  down: function (queryInterface) {
    return queryInterface.removeConstraint('projects', 'projects_project_type_fk');
  },
};
