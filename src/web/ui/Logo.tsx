/** The Downline mark: a sponsor and two people below. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="var(--mantine-color-teal-7)" />
      <g fill="none" stroke="#fff" strokeWidth="4" strokeLinecap="round">
        <path d="M32 18v10M32 28l-12 12M32 28l12 12M20 40v4M44 40v4" />
      </g>
      <g fill="#fff">
        <circle cx="32" cy="16" r="5" />
        <circle cx="20" cy="46" r="5" />
        <circle cx="44" cy="46" r="5" />
      </g>
    </svg>
  );
}
