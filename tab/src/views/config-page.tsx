export default function C() { return <p>config</p>; }
