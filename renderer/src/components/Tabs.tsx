import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export type Tab = { id: string; label: ReactNode; content: ReactNode };

type TabsProps = { label: string; tabs: readonly [Tab, ...Tab[]] };

/**
 * Tabs after the WAI-ARIA tabs pattern: arrow keys, Home and End move
 * between tabs, and only the selected tab is in the Tab order.
 */
export function Tabs({ label, tabs }: TabsProps) {
  const [selectedId, setSelectedId] = useState(tabs[0].id);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  function select(index: number): void {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (tab !== undefined) {
      setSelectedId(tab.id);
      buttons.current.get(tab.id)?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent, index: number): void {
    const targets: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = targets[event.key];
    if (target !== undefined) {
      event.preventDefault();
      select(target);
    }
  }

  return (
    <>
      <div role="tablist" aria-label={label} className="tablist">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element === null) {
                buttons.current.delete(tab.id);
              } else {
                buttons.current.set(tab.id, element);
              }
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === selectedId}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selectedId ? 0 : -1}
            onClick={() => setSelectedId(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <section
          key={tab.id}
          role="tabpanel"
          id={`panel-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          hidden={tab.id !== selectedId}
          tabIndex={0}
          className="tabpanel"
        >
          {tab.content}
        </section>
      ))}
    </>
  );
}
