'use strict';

module.exports = {
  up: function (queryInterface, Sequelize) {
    var sequelize = queryInterface.sequelize;
    var projectTypes = queryInterface.quoteIdentifier('projectTypes');
    // Bluebird's .spread on a raw query, .map and .each on a SELECT, and
    // .catch with a predicate.
    return sequelize
      .query('SELECT COUNT(*) AS n FROM projects')
      .spread(function (rows) {
        return rows[0].n;
      })
      .then(function () {
        return sequelize.query('SELECT id, code FROM ' + projectTypes + ' ORDER BY id', { type: Sequelize.QueryTypes.SELECT });
      })
      .map(function (row) {
        return { id: row.id, label: row.code.toUpperCase() };
      })
      .each(function (row) {
        return sequelize.query('UPDATE ' + projectTypes + ' SET label = :label WHERE id = :id', { replacements: row });
      })
      .then(function () {
        return queryInterface.addConstraint('projects', ['name', 'projectTypeId'], {
          type: 'unique',
          name: 'projects_name_type_unique',
        });
      })
      .catch(Sequelize.UniqueConstraintError, function () {
        throw new Error('duplicate project names: clean them up first');
      });
  },

  down: function (queryInterface) {
    return queryInterface.removeConstraint('projects', 'projects_name_type_unique');
  },
};
