/**
 * Screen sharing in a call: the screen's track takes the camera's place on the video sender
 * (`RTCRtpSender.replaceTrack`, no renegotiation), and the camera comes back when sharing stops — from our button or
 * from the browser's own "Stop sharing" bar (the track ends).
 */
export interface ScreenShare {
  stream: MediaStream;
  /** Back to the camera; safe to call twice. */
  stop: () => Promise<void>;
}

/** The sender that carries our camera, if we send video at all. */
export function videoSender(pc: RTCPeerConnection): RTCRtpSender | null {
  return pc.getSenders().find((s) => s.track?.kind === 'video') ?? null;
}

/**
 * Starts sharing on `pc`; `onEnded` runs once when sharing ends for any reason. Rejects when the person cancels the
 * browser's picker (NotAllowedError) or there is no video sender to carry the screen.
 */
export async function startScreenShare(
  pc: RTCPeerConnection,
  getDisplayMedia: (options: DisplayMediaStreamOptions) => Promise<MediaStream>,
  onEnded: () => void,
): Promise<ScreenShare> {
  const sender = videoSender(pc);
  if (!sender) throw Object.assign(new Error('no video is sent in this call'), { name: 'NoVideoSender' });
  const camera = sender.track;
  const stream = await getDisplayMedia({ video: true, audio: false });
  const track = stream.getVideoTracks()[0];
  if (!track) {
    stream.getTracks().forEach((t) => t.stop());
    throw Object.assign(new Error('no screen was chosen'), { name: 'NotFoundError' });
  }
  // Sharing a document: keep the text sharp rather than the motion smooth.
  if ('contentHint' in track) track.contentHint = 'detail';
  await sender.replaceTrack(track);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    track.removeEventListener('ended', onTrackEnded);
    stream.getTracks().forEach((t) => t.stop());
    try {
      if (pc.connectionState !== 'closed' && sender.track === track) await sender.replaceTrack(camera);
    } catch {
      // the connection went away meanwhile: there is nothing left to put the camera back on
    }
    onEnded();
  };
  const onTrackEnded = () => void stop();
  track.addEventListener('ended', onTrackEnded);
  return { stream, stop };
}
