export function SettingsScreen() {
  return (
    <section>
      <h2>Settings</h2>
    </section>
  );
}
