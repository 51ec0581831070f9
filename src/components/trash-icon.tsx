/** A small bin outline, drawn inline so it renders the same without an emoji font. */
export function TrashIcon() {
  return (
    <svg
      viewBox="0 0 16 16"
      width="14"
      height="14"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      aria-hidden="true"
    >
      <path
        d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.5 6.5v5M9.5 6.5v5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}
