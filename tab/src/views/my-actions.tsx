export default function M() { return <p>my</p>; }
