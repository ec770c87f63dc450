import { useId } from 'react';

/** A read-only rating, e.g. ★★★★☆ 4.2 (17 reviews). */
export function StarRating({ average, count }: { average: number; count: number }) {
  if (!count) return <span className="rating rating--none">No reviews yet</span>;
  const rounded = Math.round(average);
  return (
    <span className="rating" aria-label={`Rated ${average.toFixed(1)} out of 5 from ${count} review${count === 1 ? '' : 's'}`}>
      <span aria-hidden="true" className="rating__stars">
        {'★'.repeat(rounded)}
        {'☆'.repeat(5 - rounded)}
      </span>{' '}
      <span aria-hidden="true">
        {average.toFixed(1)} ({count})
      </span>
    </span>
  );
}

/** A 1–5 star picker built on radio buttons, so keyboards and screen readers just work. */
export function StarInput({ value, onChange, label = 'Rating' }: { value: number; onChange: (v: number) => void; label?: string }) {
  const name = useId();
  return (
    <fieldset className="star-input">
      <legend>{label}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className={n <= value ? 'star-input__star star-input__star--on' : 'star-input__star'}>
          <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
          <span aria-hidden="true">★</span>
          <span className="visually-hidden">
            {n} star{n === 1 ? '' : 's'}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
