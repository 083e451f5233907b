async function getMenu() {
  const response = await fetch('https://cms.example/menu');
  return (await response.json()) as string[];
}

// React calls a component with its props and an argument of its own: it gets no parameter.
async function Navbar() {
  const items = await getMenu();
  return <nav>{items.join(' | ')}</nav>;
}

export function Layout() {
  return (
    <body>
      <Navbar />
    </body>
  );
}
