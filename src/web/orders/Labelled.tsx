// A label for a select or an autocomplete that names the input alone. Given as the component's own
// `label`, Mantine also names the field's list of options by it (kept in the page, hidden), so "Member"
// would name two elements — for screen readers and for tests that find fields by their label.
import { Input } from '@mantine/core';
import { type ReactNode, useId } from 'react';

export function Labelled({
  label,
  required,
  children,
}: {
  label: string;
  required?: boolean;
  /** The field, given the id its label points at. */
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div>
      <Input.Label htmlFor={id} required={required} mb={4}>
        {label}
      </Input.Label>
      {children(id)}
    </div>
  );
}
