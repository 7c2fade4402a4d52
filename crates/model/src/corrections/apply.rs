//! Applying corrections to a parsed cable: kinds changed, mentions dropped or added,
//! entities joined; then every mention's entity index is set again.

use super::{Correction, Corrections, Span};
use crate::aliases::Aliases;
use crate::cable::entities::regroup;
use crate::cable::flat::{BlockId, flatten};
use crate::cable::{Cable, Mention, MentionSource, Warning};

impl Corrections {
    /// Applies every correction, in order, with the user's aliases. One that no longer
    /// finds its entity (the cable changed) is skipped with a warning on the cable.
    pub fn apply(&self, cable: &mut Cable, aliases: Option<&Aliases>) {
        regroup(cable, aliases);
        let mut joins = Vec::new();
        for correction in &self.list {
            let applied = match correction {
                Correction::Relabel { mention, to } => {
                    cable.entity_of(&mention.kind, &mention.text).map(|entity| {
                        for_each_mention(cable, |m| {
                            if m.entity == Some(entity) {
                                m.kind = to.clone();
                            }
                        });
                    })
                }
                Correction::NotAnEntity { mention } => {
                    cable.entity_of(&mention.kind, &mention.text).map(|entity| {
                        retain_mentions(cable, |m| m.entity != Some(entity));
                    })
                }
                Correction::Add { mention } => add(cable, mention),
                Correction::Join { mention, with } => {
                    joins.push((mention, with, correction));
                    Some(())
                }
            };
            match applied {
                Some(()) => regroup(cable, aliases),
                None => skipped(cable, correction),
            }
        }
        for (mention, with, correction) in joins {
            let found = cable
                .entity_of(&mention.kind, &mention.text)
                .zip(cable.entity_of(&with.kind, &with.text));
            match found {
                Some((gone, kept)) if gone != kept => join(cable, gone, kept),
                Some(_) => {}
                None => skipped(cable, correction),
            }
        }
    }

    /// The overlay's record of a mention of the cable: `block` 0 is the header, `b` the
    /// paragraph `b - 1` (as the reader numbers blocks), `mention` its index there.
    #[must_use]
    pub fn span_of(cable: &Cable, block: usize, mention: usize) -> Option<Span> {
        let (id, m) = match block {
            0 => (BlockId::Header, cable.header.mentions.get(mention)?),
            b => (
                BlockId::Paragraph(b - 1),
                cable.paragraphs.get(b - 1)?.mentions.get(mention)?,
            ),
        };
        let start = flatten(cable).blocks.iter().find(|f| f.block == id)?.chars;
        Some(Span {
            kind: m.kind.clone(),
            start: start + m.start,
            end: start + m.end,
            text: m.text.clone(),
        })
    }

    /// The overlay's record of a new mention of `kind` over the bytes `bytes` of a block
    /// (numbered as in [`Corrections::span_of`]); none outside the header and paragraphs.
    #[must_use]
    pub fn span_at(
        cable: &Cable,
        block: usize,
        bytes: std::ops::Range<usize>,
        kind: crate::cable::EntityKind,
    ) -> Option<Span> {
        let (id, text) = match block {
            0 => (BlockId::Header, &cable.header.text),
            b => (
                BlockId::Paragraph(b - 1),
                &cable.paragraphs.get(b - 1)?.text,
            ),
        };
        let found = text.get(bytes.clone())?;
        let start = flatten(cable).blocks.iter().find(|f| f.block == id)?.chars
            + text[..bytes.start].chars().count();
        Some(Span {
            kind,
            start,
            end: start + found.chars().count(),
            text: found.to_string(),
        })
    }
}

fn skipped(cable: &mut Cable, correction: &Correction) {
    cable.warnings.push(Warning {
        line: None,
        message: format!(
            "correction not applied, the cable no longer has what it names: {}",
            correction.describe()
        ),
    });
}

/// Calls `f` with every mention of the cable: header, headings, paragraphs.
pub(super) fn for_each_mention(cable: &mut Cable, mut f: impl FnMut(&mut Mention)) {
    cable.header.mentions.iter_mut().for_each(&mut f);
    for p in &mut cable.paragraphs {
        p.heading_mentions
            .iter_mut()
            .chain(&mut p.mentions)
            .for_each(&mut f);
    }
}

/// Keeps the mentions of the cable `keep` says yes to.
pub(super) fn retain_mentions(cable: &mut Cable, keep: impl Fn(&Mention) -> bool) {
    cable.header.mentions.retain(&keep);
    for p in &mut cable.paragraphs {
        p.heading_mentions.retain(&keep);
        p.mentions.retain(&keep);
    }
}

/// Puts an added mention in the block its offsets fall in, if its text is there and it
/// overlaps no other mention.
fn add(cable: &mut Cable, span: &Span) -> Option<()> {
    let doc = flatten(cable);
    let block = doc.blocks.iter().rev().find(|b| b.chars <= span.start)?;
    let (text, mentions) = match block.block {
        BlockId::Header => (&cable.header.text, &mut cable.header.mentions),
        BlockId::Heading(i) => {
            let p = cable.paragraphs.get_mut(i)?;
            (p.heading.as_ref()?, &mut p.heading_mentions)
        }
        BlockId::Paragraph(i) => {
            let p = cable.paragraphs.get_mut(i)?;
            (&p.text, &mut p.mentions)
        }
    };
    let (start, end) = (span.start - block.chars, span.end - block.chars);
    let byte = |at: usize| {
        text.char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .nth(at)
    };
    let bytes = byte(start)?..byte(end)?;
    if text.get(bytes.clone())? != span.text
        || mentions
            .iter()
            .any(|m| m.bytes.start < bytes.end && bytes.start < m.bytes.end)
    {
        return None;
    }
    let at = mentions.partition_point(|m| m.bytes.start < bytes.start);
    mentions.insert(
        at,
        Mention {
            kind: span.kind.clone(),
            text: span.text.clone(),
            start,
            end,
            bytes,
            entity: None,
            source: MentionSource::Correction,
        },
    );
    Some(())
}

/// Joins entity `gone` into `kept`: counts, paragraphs and spellings merged, mentions
/// renumbered, the list sorted again.
fn join(cable: &mut Cable, gone: usize, kept: usize) {
    let removed = cable.entities[gone].clone();
    let order: Vec<&str> = std::iter::once(crate::cable::HEADER_LABEL)
        .chain(cable.paragraphs.iter().map(|p| p.label.as_str()))
        .chain([crate::cable::SIGNATURE_LABEL])
        .collect();
    let place = |label: &String| order.iter().position(|l| l == label).unwrap_or(usize::MAX);
    let mut paragraphs = cable.entities[kept].paragraphs.clone();
    for label in &removed.paragraphs {
        if !paragraphs.contains(label) {
            paragraphs.push(label.clone());
        }
    }
    paragraphs.sort_by_key(|l| place(l));
    let entity = &mut cable.entities[kept];
    entity.paragraphs = paragraphs;
    entity.count += removed.count;
    for spelling in std::iter::once(removed.name).chain(removed.spellings) {
        if spelling != entity.name && !entity.spellings.contains(&spelling) {
            entity.spellings.push(spelling);
        }
    }
    let mut order: Vec<usize> = (0..cable.entities.len()).filter(|&e| e != gone).collect();
    let entities = &cable.entities;
    order.sort_by_key(|&e| {
        let e = &entities[e];
        (
            std::cmp::Reverse(e.count),
            e.kind.clone(),
            e.name.to_lowercase(),
        )
    });
    let mut new_index = vec![None; cable.entities.len()];
    for (to, &from) in order.iter().enumerate() {
        new_index[from] = Some(to);
    }
    new_index[gone] = new_index[kept];
    let mut slots: Vec<_> = std::mem::take(&mut cable.entities)
        .into_iter()
        .map(Some)
        .collect();
    cable.entities = order.iter().filter_map(|&e| slots[e].take()).collect();
    for_each_mention(cable, |m| m.entity = m.entity.and_then(|e| new_index[e]));
}
