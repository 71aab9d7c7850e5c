import { describe, expect, it } from 'vitest';
import type { Achievement } from '../../../domain/ports/index.js';
import {
  BadgeInputError,
  blankValues,
  chosenImage,
  creationOf,
  MAX_BADGE_BYTES,
  patchOf,
  readValues,
  uploadedImage,
} from './achievement-form.js';

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const STORED: Achievement = {
  id: '6f1c1a52-6a3c-4a57-9d0e-0e8f3c1e9a01',
  issuerId: '0b7c1f0e-2d2a-4a55-8a57-3f0a6c4b1e11',
  status: 'published',
  document: { description: 'Old', criteria: { narrative: 'Old criteria' } },
  name: 'Old',
  achievementType: 'MicroCredential',
  skills: [{ name: 'SQL', framework: 'ESCO', code: 'S1.2', url: 'http://data.europa.eu/esco/skill/abc' }],
  tags: [],
  level: 'Advanced',
  credits: 3,
  hours: 10,
  deliveryMode: 'online',
  language: 'en',
  validityMonths: null,
  industry: 'IT',
  suspendable: false,
  image: null,
  renewalUrl: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe('reading the achievement form', () => {
  it('drops empty skill rows, so row numbers follow the skills the domain is given', () => {
    const values = readValues({
      'skill-name-0': 'SQL',
      'skill-url-0': '',
      'skill-name-1': ' ',
      'skill-url-1': '',
      'skill-name-2': '',
      'skill-url-2': 'https://example.org/skill',
    });
    expect(values.skills).toEqual([
      { name: 'SQL', url: '' },
      { name: '', url: 'https://example.org/skill' },
    ]);
  });

  it('turns typed text into the create input: decimal commas, tags, an ESCO framework, nothing for empty fields', () => {
    const values = readValues({
      name: 'N',
      description: 'D',
      narrative: '  ',
      criteriaUrl: 'https://example.org/c',
      achievementType: 'Badge',
      hours: '7,5',
      credits: '',
      tags: ' a, ,b ',
      'skill-name-0': 'data cleaning',
      'skill-url-0': 'http://data.europa.eu/esco/skill/xyz',
      status: 'published',
    });
    expect(creationOf(values, STORED.issuerId, undefined)).toEqual({
      issuerId: STORED.issuerId,
      name: 'N',
      description: 'D',
      criteria: { url: 'https://example.org/c' },
      achievementType: 'Badge',
      skills: [{ name: 'data cleaning', url: 'http://data.europa.eu/esco/skill/xyz', framework: 'ESCO' }],
      tags: ['a', 'b'],
      hours: 7.5,
      suspendable: false,
      status: 'published',
    });
  });

  it('passes a number it cannot read on as NaN, for the domain to refuse by name', () => {
    expect(creationOf(readValues({ hours: 'ten' }), STORED.issuerId, undefined).hours).toBeNaN();
  });

  it('clears emptied fields on edit and keeps what the form does not show of an unchanged skill', () => {
    const values = {
      ...blankValues(),
      name: 'New',
      description: 'New description',
      narrative: 'New criteria',
      skills: [{ name: 'SQL', url: 'http://data.europa.eu/esco/skill/abc' }],
    };
    expect(patchOf(values, STORED, undefined)).toMatchObject({
      name: 'New',
      skills: [STORED.skills[0]],
      level: null,
      hours: null,
      credits: null,
      deliveryMode: null,
      language: null,
      industry: null,
      validityMonths: null,
    });
    expect(patchOf(values, STORED, undefined)).not.toHaveProperty('suspendable');
  });
});

describe('the badge a form asks for', () => {
  it('recognises a PNG and an SVG by their bytes, whatever the file claims to be', async () => {
    expect(await uploadedImage(new File([PNG_1X1], 'x.svg', { type: 'image/svg+xml' }))).toMatch(
      /^data:image\/png;base64,/,
    );
    expect(await uploadedImage(new File(['<?xml version="1.0"?><svg/>'], 'x.png'))).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
  });

  it.each([
    ['text', new File(['hello'], 'x.svg'), 'notAnImage'],
    ['an oversized file', new File([new Uint8Array(MAX_BADGE_BYTES + 1)], 'x.png'), 'tooLarge'],
  ])('refuses %s', async (_, file, reason) => {
    await expect(uploadedImage(file)).rejects.toMatchObject({ reason, field: 'achievement-image-file' });
  });

  it('keeps the stored image unless another is chosen, and reuses an earlier upload', async () => {
    expect(await chosenImage(blankValues(), undefined)).toBeUndefined();
    const pendingImage = 'data:image/png;base64,AAAA';
    expect(await chosenImage({ ...blankValues(), imageSource: 'upload', pendingImage }, undefined)).toBe(
      pendingImage,
    );
    await expect(chosenImage({ ...blankValues(), imageSource: 'upload' }, undefined)).rejects.toBeInstanceOf(
      BadgeInputError,
    );
  });

  it('names the designer input a bad design is about', async () => {
    await expect(
      chosenImage({ ...blankValues(), imageSource: 'design', initials: 'AB', background: 'blue' }, undefined),
    ).rejects.toMatchObject({ field: 'badge-background', reason: 'badDesign' });
  });
});
