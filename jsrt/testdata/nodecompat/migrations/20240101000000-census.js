'use strict';
// The Node features the census of real migration folders found, in one file.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const os = require('os');
const util = require('util');
const { EventEmitter } = require('events');
const { nanoid } = require('nanoid');
const slug = require('@acme/slug');
const leftPad = require('left-pad');

module.exports = {
  async up() {
    const out = {};
    out.sql = fs.readFileSync(path.join(__dirname, 'seed.sql'), 'utf8').trim();
    out.uuid = crypto.randomUUID();
    out.globalUUID = globalThis.crypto.randomUUID();
    out.sha = crypto.createHash('sha256').update('x').digest('hex');
    out.md5 = crypto.createHash('md5').update(Buffer.from('x')).digest('base64');
    out.random = crypto.randomBytes(8).toString('hex');
    const t0 = performance.now();
    console.time('step');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setImmediate(resolve));
    await util.promisify(setTimeout)(1);
    console.timeEnd('step');
    out.elapsed = performance.now() - t0;
    const readFile = util.promisify(fs.readFile);
    out.promisified = (await readFile(path.join(__dirname, 'seed.sql'))).length;
    out.buffer = Buffer.from('héllo').toString('base64');
    out.eol = os.EOL;
    out.platform = typeof os.platform();
    const ee = new EventEmitter();
    ee.once('x', (v) => { out.event = v; });
    ee.emit('x', 42);
    out.nanoid = nanoid();
    out.slug = slug('Hello World!');
    out.pad = leftPad(7, 3, '0');
    return out;
  },
  async down() {},
};
