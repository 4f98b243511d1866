export interface ProgressProps {
  /** What is happening, for example "Caseload laden…". Shown and read out. */
  label: string;
  /** Larger, centred version for a whole page or region. */
  block?: boolean;
}

/** A spinner with a visible text; `role="status"` so screen readers hear it once. */
export function Progress({ label, block = false }: ProgressProps) {
  return (
    <div className={block ? 't-progress t-progress--block' : 't-progress'} role="status">
      <span className="t-spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
