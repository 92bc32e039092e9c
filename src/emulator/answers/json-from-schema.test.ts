import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../seeded-random.ts';
import { jsonFromSchema } from './json-from-schema.ts';

test('every declared property is filled with a value of its type and bounds', () => {
  const schema = {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 3, maxLength: 10 },
      age: { type: 'integer', minimum: 18, maximum: 99 },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, minItems: 2, maxItems: 2 },
      when: { type: 'string', format: 'date-time' },
      address: { $ref: '#/$defs/address' },
      note: { anyOf: [{ type: 'null' }, { type: 'string' }] },
    },
    required: ['name', 'age', 'tags', 'when', 'address', 'note'],
    $defs: { address: { type: 'object', properties: { city: { type: 'string' }, zip: { const: '75001' } } } },
  };
  for (let seed = 0; seed < 20; seed++) {
    const value = jsonFromSchema(schema, seededRandom(seed)) as Record<string, any>;
    assert.ok(value.name.length >= 3 && value.name.length <= 10);
    assert.ok(Number.isInteger(value.age) && value.age >= 18 && value.age <= 99);
    assert.equal(value.tags.length, 2);
    assert.ok(value.tags.every((tag: string) => tag === 'a' || tag === 'b'));
    assert.ok(!Number.isNaN(Date.parse(value.when)));
    assert.equal(value.address.zip, '75001');
    assert.equal(typeof value.address.city, 'string');
    assert.equal(typeof value.note, 'string');
  }
});
