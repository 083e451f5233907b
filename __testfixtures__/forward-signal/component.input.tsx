import { useEffect, useState } from 'react';

export function User({ id }: { id: string }) {
  const [name, setName] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/users/${id}`)
      .then((response) => response.json())
      .then((user) => setName(user.name));
    return () => controller.abort();
  }, [id]);
  return <span>{name}</span>;
}
