export interface PaginationProps {
  page: number;
  pageCount: number;
  /** For example "1–50 van 61". */
  rangeText: string;
  label: string;
  previousLabel: string;
  nextLabel: string;
  onPageChange(page: number): void;
  disabled?: boolean;
}

/** Previous/next navigation with the range shown between the buttons. */
export function Pagination({
  page,
  pageCount,
  rangeText,
  label,
  previousLabel,
  nextLabel,
  onPageChange,
  disabled = false,
}: PaginationProps) {
  return (
    <nav className="t-pagination" aria-label={label}>
      <button
        type="button"
        className="t-button t-button--secondary"
        onClick={() => onPageChange(page - 1)}
        disabled={disabled || page <= 1}
      >
        <span aria-hidden="true">‹ </span>
        {previousLabel}
      </button>
      <p className="t-pagination__range">{rangeText}</p>
      <button
        type="button"
        className="t-button t-button--secondary"
        onClick={() => onPageChange(page + 1)}
        disabled={disabled || page >= pageCount}
      >
        {nextLabel}
        <span aria-hidden="true"> ›</span>
      </button>
    </nav>
  );
}
