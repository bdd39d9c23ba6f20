'use strict';
require('dotenv').config();
const Promise = require('bluebird');
const _ = require('lodash');
const { v5: uuidv5 } = require('uuid');

// uuid v5 ids are derived from the name, so every run inserts the same rows.
const NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
const prefix = process.env.REGION_PREFIX;
const names = ['North', 'South', 'East', 'West', 'Central'];

module.exports = {
  async up(queryInterface) {
    const rows = names.map((name, i) => ({
      id: uuidv5(`${prefix}-${name}`, NAMESPACE),
      code: `${prefix}-${_.kebabCase(name).slice(0, 3)}`,
      name: _.startCase(`${prefix} ${name}`),
      sortOrder: i * 10,
    }));
    // lodash's chunk with Bluebird's mapSeries: batches of SEED_BATCH_SIZE rows, in order.
    const batches = _.chunk(rows, Number(process.env.SEED_BATCH_SIZE));
    await Promise.mapSeries(batches, (batch) => queryInterface.bulkInsert('regions', batch));
  },

  async down(queryInterface) {
    await queryInterface.bulkDelete('regions', null, {});
  },
};
