import { useTranslation } from '../i18n/useTranslation';

interface AvatarProps {
  name: string;
  src?: string | null;
  size?: number;
  online?: boolean | null;
}

/** A photo or the person's initials, with an optional presence dot. */
export function Avatar({ name, src, size = 40, online }: AvatarProps) {
  const { t } = useTranslation();
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return (
    <span className="avatar" style={{ width: size, height: size, fontSize: size * 0.4 }}>
      {src ? <img src={src} alt="" width={size} height={size} loading="lazy" /> : <span aria-hidden="true">{initials || '?'}</span>}
      {online != null && (
        <span
          className={`presence-dot${online ? ' presence-dot--online' : ''}`}
          role="img"
          aria-label={online ? t('common.online') : t('common.offline')}
        />
      )}
    </span>
  );
}
