import { describe, expect, it } from 'vitest';
import { isPublicHttpsUrl } from './is-public-https-url.js';

describe('isPublicHttpsUrl', () => {
  it.each([
    'https://badges.example.org/data-cleaning.png',
    'https://cdn.university.edu:8443/img/badge.svg?v=2',
    'https://xn--bcher-kva.example/badge.png',
    'https://images.example.org./badge.png',
  ])('accepts an https URL on a public name: %s', (url) => {
    expect(isPublicHttpsUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://badges.example.org/badge.png'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:image/png;base64,AAAA'],
    ['ftp', 'ftp://files.example.org/badge.png'],
    ['cloud metadata', 'https://169.254.169.254/latest/meta-data/'],
    ['loopback', 'https://127.0.0.1/badge.png'],
    ['loopback in hex', 'https://0x7f.1/badge.png'],
    ['loopback as one number', 'https://2130706433/badge.png'],
    ['private', 'https://10.0.0.8/badge.png'],
    ['a public IPv4 literal', 'https://93.184.216.34/badge.png'],
    ['IPv6 loopback', 'https://[::1]/badge.png'],
    ['IPv4-mapped IPv6', 'https://[::ffff:169.254.169.254]/badge.png'],
    ['IPv6 link-local', 'https://[fe80::1]/badge.png'],
    ['localhost', 'https://localhost/badge.png'],
    ['localhost with a trailing dot', 'https://localhost./badge.png'],
    ['a localhost subdomain', 'https://app.localhost/badge.png'],
    ['a single-label name', 'https://intranet/badge.png'],
    ['mDNS', 'https://printer.local/badge.png'],
    ['private-use TLD', 'https://metadata.google.internal/computeMetadata/v1/'],
    ['credentials in the URL', 'https://user:secret@badges.example.org/badge.png'],
    ['userinfo that hides the host', 'https://badges.example.org@169.254.169.254/'],
    ['not a URL', 'badge.png'],
  ])('refuses %s', (_, url) => {
    expect(isPublicHttpsUrl(url)).toBe(false);
  });
});
