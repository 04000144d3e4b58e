import { LayerConfig } from './LayerConfig';
import { YourData } from './YourData';

/** The contents of the open settings line (a chunk of its own). */
export default function SettingsPanel() {
  return (
    <>
      <LayerConfig />
      <YourData />
    </>
  );
}
