//! `ShortText`: an immutable string that keeps up to 14 bytes inline and only longer text on the
//! heap. A claim's words ("the", "Lavrov", ", ") are almost all that short, and a big story holds
//! hundreds of thousands of them with three strings each: as `String`s, each was an allocation
//! of its own, and the allocations (with the allocator's overhead) were most of the analysis's
//! memory and a tenth of its time.
//!
//! It compares, orders and hashes exactly as the `str` it holds, and borrows as one, so a set of
//! them answers `contains("word")`. It deliberately offers no mutation: build a `String`, then
//! convert it.
//!
//! `TextSet`: a claim's set of terms, read once and never changed, as one sorted slice of
//! `ShortText`s rather than a `BTreeSet<String>` (a node of eleven keys for a set of four, and an
//! allocation per key). It answers the questions the comparison asks of a `BTreeSet` (`contains`,
//! `is_disjoint`, `intersection`, `is_subset`) in the same order.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// The longest text kept inline: with the length and the enum's tag, 16 bytes, two thirds of a
/// `String`. Longer text (a word in a hundred, a count's term) is a thin pointer to a `String`:
/// a fat `Box<str>` would make every `ShortText` 24 bytes.
const INLINE: usize = 14;

/// A short immutable string: inline up to 14 bytes, boxed beyond. The representation is
/// private, so that only `new` and the `From` conversions (which copy a whole `str`) make one:
/// the inline bytes are valid UTF-8 because no other code can write them.
#[derive(Clone)]
pub struct ShortText(Repr);

#[derive(Clone)]
enum Repr {
    /// Invariant: `bytes[..len]` is valid UTF-8 (a whole `str` copied in).
    Inline { len: u8, bytes: [u8; INLINE] },
    #[allow(clippy::box_collection)]
    Heap(Box<String>),
}

impl ShortText {
    pub fn new(text: &str) -> ShortText {
        if text.len() <= INLINE {
            let mut bytes = [0u8; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            ShortText(Repr::Inline { len: text.len() as u8, bytes })
        } else {
            ShortText(Repr::Heap(Box::new(text.to_string())))
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // SAFETY: `new` copies a whole `str` into `bytes[..len]`, nothing changes them after,
            // and no code outside this module can make a `Repr`, so they are valid UTF-8.
            Repr::Inline { len, bytes } => unsafe { std::str::from_utf8_unchecked(&bytes[..usize::from(*len)]) },
            Repr::Heap(text) => text.as_str(),
        }
    }
}

impl Default for ShortText {
    fn default() -> ShortText {
        ShortText(Repr::Inline { len: 0, bytes: [0; INLINE] })
    }
}

impl Deref for ShortText {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ShortText {
    #[inline]
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for ShortText {
    #[inline]
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for ShortText {
    fn from(text: &str) -> ShortText {
        ShortText::new(text)
    }
}

impl From<String> for ShortText {
    fn from(text: String) -> ShortText {
        if text.len() <= INLINE {
            ShortText::new(&text)
        } else {
            ShortText(Repr::Heap(Box::new(text)))
        }
    }
}

impl From<&String> for ShortText {
    fn from(text: &String) -> ShortText {
        ShortText::new(text)
    }
}

impl From<&ShortText> for String {
    fn from(text: &ShortText) -> String {
        text.as_str().to_string()
    }
}

impl From<ShortText> for String {
    fn from(text: ShortText) -> String {
        match text.0 {
            Repr::Heap(text) => *text,
            inline => ShortText(inline).as_str().to_string(),
        }
    }
}

impl PartialEq for ShortText {
    fn eq(&self, other: &ShortText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ShortText {}

impl PartialOrd for ShortText {
    fn partial_cmp(&self, other: &ShortText) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ShortText {
    fn cmp(&self, other: &ShortText) -> Ordering {
        self.prefix().cmp(&other.prefix()).then_with(|| self.as_str().cmp(other.as_str()))
    }
}

impl ShortText {
    /// The first eight bytes (see [`prefix`]), read straight from the inline bytes.
    #[inline]
    fn prefix(&self) -> u64 {
        match &self.0 {
            // Inline bytes past `len` are zero (`new` copies the text into zeroed bytes).
            Repr::Inline { bytes, .. } => u64::from_be_bytes([
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            ]),
            Repr::Heap(text) => prefix(text),
        }
    }
}

/// The first eight bytes of `text`, zero-padded, as a big-endian number. Two texts whose
/// prefixes differ are in the order of their prefixes (where one text has ended, its padding
/// sorts before any byte the other has but zero, as a shorter text sorts first), so most
/// comparisons of two words are one integer comparison, and only equal prefixes compare the
/// texts: the analysis compares terms millions of times, mostly differing in a first letter.
#[inline]
fn prefix(text: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (to, from) in bytes.iter_mut().zip(text.as_bytes()) {
        *to = *from;
    }
    u64::from_be_bytes(bytes)
}

impl Hash for ShortText {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for ShortText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ShortText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for ShortText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<ShortText> for str {
    fn eq(&self, other: &ShortText) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<ShortText> for &str {
    fn eq(&self, other: &ShortText) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<ShortText> for String {
    fn eq(&self, other: &ShortText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Display for ShortText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for ShortText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// A set of texts that is read once and never changed: sorted, without duplicates.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct TextSet {
    sorted: Box<[ShortText]>,
}

impl TextSet {
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// The texts in order.
    pub fn iter(&self) -> std::slice::Iter<'_, ShortText> {
        self.sorted.iter()
    }

    pub fn contains(&self, text: &str) -> bool {
        let wanted = prefix(text);
        self.sorted.binary_search_by(|probe| probe.prefix().cmp(&wanted).then_with(|| probe.as_str().cmp(text))).is_ok()
    }

    /// The texts both sets have, in order.
    pub fn intersection<'s>(&'s self, other: &'s TextSet) -> impl Iterator<Item = &'s ShortText> + 's {
        let (a, b) = (&self.sorted, &other.sorted);
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < a.len() && j < b.len() {
                match a[i].cmp(&b[j]) {
                    Ordering::Less => i += 1,
                    Ordering::Greater => j += 1,
                    Ordering::Equal => {
                        i += 1;
                        j += 1;
                        return Some(&a[i - 1]);
                    }
                }
            }
            None
        })
    }

    /// The texts from `from` (included) to `to` (excluded), in order.
    pub fn range<'s>(&'s self, from: &str, to: &str) -> std::slice::Iter<'s, ShortText> {
        let first = self.sorted.partition_point(|text| text.as_str() < from);
        let end = self.sorted.partition_point(|text| text.as_str() < to).max(first);
        self.sorted[first..end].iter()
    }

    pub fn is_disjoint(&self, other: &TextSet) -> bool {
        self.intersection(other).next().is_none()
    }

    pub fn is_subset(&self, other: &TextSet) -> bool {
        self.len() <= other.len() && self.iter().all(|text| other.contains(text))
    }
}

impl<T: Into<ShortText>> FromIterator<T> for TextSet {
    fn from_iter<I: IntoIterator<Item = T>>(texts: I) -> TextSet {
        // Each text goes in its place: a claim's sets are a few dozen texts, and a slice sort
        // would put one more sort algorithm (a few KB) into the wasm.
        let mut sorted: Vec<ShortText> = Vec::new();
        for text in texts {
            insert_sorted(&mut sorted, text.into());
        }
        TextSet { sorted: sorted.into_boxed_slice() }
    }
}

/// Puts `text` in its place in `sorted`, unless it is there already. Not generic, so that the
/// sets built from strings, `&str`s and `ShortText`s share its code.
#[inline(never)]
fn insert_sorted(sorted: &mut Vec<ShortText>, text: ShortText) {
    if let Err(place) = sorted.binary_search(&text) {
        sorted.insert(place, text);
    }
}

impl<'s> IntoIterator for &'s TextSet {
    type Item = &'s ShortText;
    type IntoIter = std::slice::Iter<'s, ShortText>;
    fn into_iter(self) -> Self::IntoIter {
        self.sorted.iter()
    }
}

impl fmt::Debug for TextSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.sorted.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_texts_behave_as_their_str() {
        let (fits, too_long) = ("x".repeat(14), "x".repeat(15));
        for text in ["", "the", "Lavrov", &fits, &too_long, "a longer text than fits inline", "é✓"] {
            let short = ShortText::from(text);
            assert_eq!(short.as_str(), text);
            assert_eq!(short, text);
            assert_eq!(String::from(short.clone()), text);
            assert_eq!(format!("{short:?}"), format!("{text:?}"));
        }
        assert!(matches!(ShortText::from(fits.as_str()).0, Repr::Inline { .. }));
        assert!(matches!(ShortText::from(too_long.as_str()).0, Repr::Heap(_)));
        assert_eq!(ShortText::from("apple").cmp(&ShortText::from("apples")), std::cmp::Ordering::Less);
        assert_eq!(std::mem::size_of::<ShortText>(), 16);
        let set: std::collections::BTreeSet<ShortText> = ["b", "a"].into_iter().map(ShortText::from).collect();
        assert!(set.contains("a") && !set.contains("c"));
    }

    #[test]
    fn texts_order_and_are_found_as_their_str() {
        // Texts that differ inside the first eight bytes, after them, only in length, by a NUL
        // (which the zero padding of a shorter text equals), inline or boxed, and past ASCII.
        let texts = [
            "", "a", "a\0", "a\0\0", "ab", "abc", "abcdefgh", "abcdefgh\0", "abcdefghi", "abcdefgz",
            "abcdefghijklmn", "abcdefghijklmno", "abcdefghijklmnp", "b", "zzzzzzzzzzzzzzzzzz", "é", "éa", "~x",
            "#1", "Zelensky", "Zelenskyy",
        ];
        for x in texts {
            for y in texts {
                assert_eq!(ShortText::from(x).cmp(&ShortText::from(y)), x.cmp(y), "{x:?} / {y:?}");
            }
        }
        let set: TextSet = texts.iter().copied().collect();
        assert!(set.iter().map(ShortText::as_str).eq({
            let mut sorted = texts.to_vec();
            sorted.sort_unstable();
            sorted
        }));
        for text in texts {
            assert!(set.contains(text), "{text:?}");
            assert!(!set.contains(&format!("{text}!")), "{text:?}!");
        }
    }

    #[test]
    fn a_text_set_answers_as_a_btree_set() {
        use std::collections::BTreeSet;
        let texts = [&["b", "a", "c", "a"][..], &["c", "d"], &[], &["a", "b"], &["b"], &["e", "a", "b", "c"]];
        for x in texts {
            for y in texts {
                let (bx, by): (BTreeSet<&str>, BTreeSet<&str>) =
                    (x.iter().copied().collect(), y.iter().copied().collect());
                let (sx, sy): (TextSet, TextSet) = (x.iter().copied().collect(), y.iter().copied().collect());
                assert_eq!(
                    sx.iter().map(ShortText::as_str).collect::<Vec<_>>(),
                    bx.iter().copied().collect::<Vec<_>>()
                );
                assert_eq!(
                    sx.intersection(&sy).map(ShortText::as_str).collect::<Vec<_>>(),
                    bx.intersection(&by).copied().collect::<Vec<_>>()
                );
                assert_eq!(sx.is_disjoint(&sy), bx.is_disjoint(&by), "{x:?} {y:?}");
                assert_eq!(sx.is_subset(&sy), bx.is_subset(&by), "{x:?} {y:?}");
                assert_eq!(sx.len(), bx.len());
                assert!(["a", "b", "c", "d", "e", "f"].iter().all(|t| sx.contains(t) == bx.contains(t)));
            }
        }
    }
}
