import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { humanField, plainMessage } from './plainErrors';

describe('plain-language errors', () => {
  it('turns validator defaults into sentences a person can act on', () => {
    expect(plainMessage('size must be between 0 and 100')).toBe('Use at most 100 characters.');
    expect(plainMessage('must not be blank')).toBe('Fill this in.');
    expect(plainMessage('must be a well-formed email address')).toBe('Enter an email address like name@example.com.');
    expect(plainMessage('must be a past date')).toBe('Enter a date in the past.');
    expect(plainMessage('Choose a later time.')).toBe('Choose a later time.');
  });

  it('names fields as words, not paths', () => {
    expect(humanField('allergies[0]')).toBe('Allergy 1');
    expect(humanField('emergencyContact[1].phone')).toBe('Emergency contact 2 phone');
    expect(humanField('startTime')).toBe('Start time');
  });

  it('applies to the field errors an ApiError carries', () => {
    const e = new ApiError({ status: 400, title: 'Bad Request', errors: [{ field: 'name', message: 'size must be between 2 and 100' }] });
    expect(e.fieldError('name')).toBe('Use 2 to 100 characters.');
  });

  it('says once when to try again after a lockout', () => {
    const e = new ApiError({ status: 429, title: 'Too Many Requests', detail: 'Too many failed sign-ins, try again later' }, 900);
    expect(e.userMessage).toBe('Too many failed sign-ins. Try again in 15 minutes.');
  });
});

describe('plain-language errors in German', () => {
  it('names a field path in German words', async () => {
    const { changeLanguage } = await import('../i18n/i18n');
    await changeLanguage('de');
    try {
      expect(humanField('emergencyContact[1].phone')).toBe('Notfallkontakt 2 Telefon');
      expect(plainMessage('must not be blank')).toBe('Bitte ausfüllen.');
    } finally {
      await changeLanguage('en');
    }
  });
});
