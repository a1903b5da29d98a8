import { Typography } from 'antd';
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../lib/router';

interface AppLinkProps {
  to: string;
  children: ReactNode;
  strong?: boolean;
}

/** A link inside the app: a real `href` (open in a new tab works), navigation without a reload. */
export function AppLink({ to, children, strong }: AppLinkProps) {
  const onClick = (event: MouseEvent<HTMLElement>): void => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return (
    <Typography.Link href={to} onClick={onClick} strong={strong}>
      {children}
    </Typography.Link>
  );
}
