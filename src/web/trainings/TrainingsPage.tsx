export default function TrainingsPage() {
  return null;
}
