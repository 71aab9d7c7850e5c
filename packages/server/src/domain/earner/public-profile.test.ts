import { describe, expect, it } from 'vitest';
import { checkPublicProfile } from './public-profile.js';

const link = (url: string, label = '') => ({ label, url });

describe('checking the portfolio header', () => {
  it('keeps https links, names an unlabelled one by its host, and drops empty rows', () => {
    expect(
      checkPublicProfile({
        headline: '  Data analyst at Acme  ',
        links: [link(''), link('https://Example.org/me', ''), link('https://ada.dev', ' Blog ')],
      }),
    ).toEqual({
      ok: true,
      headline: 'Data analyst at Acme',
      links: [
        { label: 'example.org', url: 'https://example.org/me' },
        { label: 'Blog', url: 'https://ada.dev/' },
      ],
    });
    expect(checkPublicProfile({ headline: ' ', links: [] })).toEqual({ ok: true, headline: null, links: [] });
  });

  it('refuses addresses a visitor should not be sent to: plain http, scripts, data, or with a password', () => {
    const checked = checkPublicProfile({
      headline: '',
      links: [
        link('http://example.org'),
        link('javascript:alert(1)'),
        link('data:text/html,hi'),
        link('https://user:secret@example.org/'),
      ],
    });
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.problems).toEqual([
      { field: 'links', problem: 'too-many' },
      { field: 'link', index: 0, problem: 'not-https' },
      { field: 'link', index: 1, problem: 'not-https' },
      { field: 'link', index: 2, problem: 'not-https' },
      { field: 'link', index: 3, problem: 'not-https' },
    ]);
  });

  it('names every length problem at once', () => {
    const checked = checkPublicProfile({
      headline: 'h'.repeat(121),
      links: [link(`https://example.org/${'a'.repeat(300)}`, 'l'.repeat(41)), link('', 'Orphan label')],
    });
    expect(checked.ok ? [] : checked.problems).toEqual([
      { field: 'headline', problem: 'too-long' },
      { field: 'link', index: 0, problem: 'url-too-long' },
      { field: 'link', index: 0, problem: 'label-too-long' },
      { field: 'link', index: 1, problem: 'label-without-url' },
    ]);
  });
});
