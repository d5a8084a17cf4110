export default function Suspended() {
  return <p>이용이 정지된 계정이에요. 고객센터로 문의해 주세요.</p>
}
