import { Placeholder } from '../../_components/Placeholder';

export default function Page() {
  return <Placeholder area="inspection" />;
}
