import { Alert, Button } from 'antd';

interface QueryErrorProps {
  title: string;
  error: Error;
  onRetry?: () => void;
}

/** A failed load: what could not be loaded, the server's message, and a retry button. */
export function QueryError({ title, error, onRetry }: QueryErrorProps) {
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={error.message}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            Thử lại
          </Button>
        )
      }
    />
  );
}
