import { describe, expect, it } from 'vitest';
import { decodeMediaState, encodeMediaState } from './mediaState';

describe('the media state message', () => {
  it('carries camera, microphone and screen sharing across', () => {
    const state = { camera: false, mic: true, screen: true };
    expect(decodeMediaState(encodeMediaState(state))).toEqual(state);
  });

  it('ignores anything that is not a media state', () => {
    expect(decodeMediaState('not json')).toBeNull();
    expect(decodeMediaState(JSON.stringify({ type: 'chat', camera: true, mic: true }))).toBeNull();
    expect(decodeMediaState(JSON.stringify({ type: 'media-state', camera: 'no', mic: true }))).toBeNull();
    expect(decodeMediaState(new ArrayBuffer(4))).toBeNull();
  });
});
