import { useId, useState } from 'react';
import { DisclosureButton } from '../../ui/DisclosureButton';
import { AlertSettings } from './AlertSettings';

/** The panel's foot: "Alert settings", closed until asked for (the list keeps the room). */
export function AlertSettingsDisclosure() {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <div>
      <DisclosureButton open={open} onToggle={setOpen} controls={regionId} className="w-full px-1">
        Alert settings
      </DisclosureButton>
      <div id={regionId} hidden={!open} className="max-h-[50dvh] overflow-y-auto">
        {open && <AlertSettings />}
      </div>
    </div>
  );
}
