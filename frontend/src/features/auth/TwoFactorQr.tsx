import { generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';
import { useTranslation } from '../../i18n/useTranslation';

/** The otpauth URI as a QR code for the authenticator app to scan (loaded only when someone enrols). */
export default function TwoFactorQr({ uri }: { uri: string }) {
  const { t } = useTranslation();
  const code = generate(uri);
  return (
    <svg
      className="two-factor__qr"
      role="img"
      aria-label={t('twoFactor.qr')}
      viewBox={`-2 -2 ${code.size + 4} ${code.size + 4}`}
      width="200"
      height="200"
      shapeRendering="crispEdges"
    >
      <rect x="-2" y="-2" width={code.size + 4} height={code.size + 4} fill="#fff" />
      <path d={toSvgPath(code)} fill="#000" />
    </svg>
  );
}
