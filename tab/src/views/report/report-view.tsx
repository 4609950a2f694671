export default function V(_: { unitId: string }) { return <p>…</p>; }
