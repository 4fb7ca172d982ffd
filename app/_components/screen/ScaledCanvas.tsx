'use client';

import { useEffect, useState, type ReactNode } from 'react';

export const CANVAS = { width: 1920, height: 1080 } as const;

/** The scale that fits the 1920×1080 canvas inside the viewport, and whether it has been measured yet. */
export function useCanvasScale(): number {
  const [scale, setScale] = useState(0);
  useEffect(() => {
    const fit = () => setScale(Math.min(window.innerWidth / CANVAS.width, window.innerHeight / CANVAS.height));
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);
  return scale;
}

/** A fixed 1920×1080 stage scaled by a CSS transform and centred, on a black page without scrollbars. */
export function ScaledCanvas({ scale, children }: { scale: number; children: ReactNode }) {
  const s = scale || 1;
  return (
    <div className="fixed inset-0 overflow-hidden bg-[#020617]">
      <div
        data-testid="screen-canvas"
        className="absolute left-1/2 top-1/2 origin-center"
        style={{
          width: CANVAS.width,
          height: CANVAS.height,
          transform: `translate(-50%, -50%) scale(${s})`,
          visibility: scale ? 'visible' : 'hidden',
        }}
      >
        {children}
      </div>
    </div>
  );
}
