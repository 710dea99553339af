// Stored figures (points in hundredths, structure totals with the member included) as the API shows them.
import type { DrilldownRow, LegRow, StoredFigures } from './queries.ts';
import type { DrilldownView, FiguresView, Kpi } from './schemas.ts';

export const pointsOf = (hundredths: number) => hundredths / 100;

export function presentFigures(period: string, f: StoredFigures | null): FiguresView {
  return {
    period,
    points: pointsOf(f?.points ?? 0),
    structurePoints: pointsOf(f?.structurePoints ?? 0),
    // The structure's joins include the member's own; a member is not new in their own structure.
    newMembers: (f?.structureJoined ?? 0) - (f?.joined ?? 0),
    newFrontline: f?.frontlineJoined ?? 0,
    trained: f?.structureTrained ?? 0,
    trainedOffline: f?.structureTrainedOffline ?? 0,
    trainedOnline: f?.structureTrainedOnline ?? 0,
  };
}

export function presentLeg(leg: LegRow) {
  const f = presentFigures('', leg.figures);
  return {
    member: { id: leg.id, name: leg.name, kind: leg.kind },
    structurePoints: f.structurePoints,
    // A leg's new members include its top member when they joined in the period.
    newMembers: leg.figures?.structureJoined ?? 0,
    trained: f.trained,
  };
}

export function presentDrilldownRow(
  row: DrilldownRow,
  kpi: Kpi,
  rootDepth: number,
): DrilldownView['rows'][number] {
  return {
    member: { id: row.id, name: row.name, kind: row.kind, joinedOn: row.joinedOn },
    level: row.depth - rootDepth,
    sponsorName: row.sponsorName,
    ...(kpi === 'points' ? { points: pointsOf(row.points) } : {}),
    ...(kpi === 'training'
      ? {
          trainedOffline: row.trainedOffline === 1,
          trainedOnline: row.trainedOnline === 1,
          interestedInDevelopment: row.interested,
        }
      : {}),
  };
}
