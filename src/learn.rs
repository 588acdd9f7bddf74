//! Training a multinomial logistic regression (`analysis::model::Model`) and measuring it:
//! the trainer's engine. Native only; the widget evaluates models, it never trains them.
//!
//! Examples are sparse (feature index, value) lists, so the same code fits a few dozen dense
//! pair features and thousands of hashed word features. Each feature is scaled by its root mean
//! square over the training set (sparse examples stay sparse) and the scale is folded back into
//! the weights, so a model's weights apply to raw features. The loss is the weighted mean cross
//! entropy plus an L2 penalty on the weights (not the biases), minimised by full-batch Adam
//! from zero: deterministic, the same model for the same examples.

use crate::analysis::model::{softmax, Model};

/// One training example.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// (feature index, value); indices may repeat (values add).
    pub x: Vec<(u32, f32)>,
    pub label: usize,
    pub weight: f32,
}

impl Example {
    pub fn dense(values: &[f32], label: usize) -> Example {
        Example {
            x: values.iter().enumerate().map(|(i, &v)| (i as u32, v)).filter(|&(_, v)| v != 0.0).collect(),
            label,
            weight: 1.0,
        }
    }
}

/// How to fit.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub l2: f32,
    pub iterations: usize,
    pub learning_rate: f32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { l2: 1e-3, iterations: 1500, learning_rate: 0.05 }
    }
}

/// Fits a model with `classes` and `features` (names) to `examples`.
pub fn fit(examples: &[Example], classes: &[&str], features: &[&str], settings: Settings) -> Model {
    let (k, d) = (classes.len(), features.len());
    // Scale each feature to unit root mean square.
    let mut square = vec![0.0f64; d];
    let total_weight: f64 = examples.iter().map(|e| f64::from(e.weight)).sum::<f64>().max(1e-9);
    for e in examples {
        for &(i, v) in &e.x {
            if let Some(s) = square.get_mut(i as usize) {
                *s += f64::from(e.weight) * f64::from(v) * f64::from(v);
            }
        }
    }
    let scale: Vec<f32> =
        square.iter().map(|&s| if s > 0.0 { (1.0 / (s / total_weight).sqrt()) as f32 } else { 1.0 }).collect();
    let mut w = vec![0.0f32; k * d];
    let mut b = vec![0.0f32; k];
    let (mut mw, mut vw) = (vec![0.0f32; k * d], vec![0.0f32; k * d]);
    let (mut mb, mut vb) = (vec![0.0f32; k], vec![0.0f32; k]);
    let (beta1, beta2, epsilon) = (0.9f32, 0.999f32, 1e-8f32);
    let mut gw = vec![0.0f32; k * d];
    let mut gb = vec![0.0f32; k];
    let mut scores = vec![0.0f32; k];
    for step in 1..=settings.iterations {
        gw.iter_mut().for_each(|g| *g = 0.0);
        gb.iter_mut().for_each(|g| *g = 0.0);
        for e in examples {
            for c in 0..k {
                scores[c] = b[c] + e.x.iter().map(|&(i, v)| w[c * d + i as usize] * v * scale[i as usize]).sum::<f32>();
            }
            let p = softmax(&scores);
            let weight = e.weight / total_weight as f32;
            for c in 0..k {
                let error = weight * (p[c] - if c == e.label { 1.0 } else { 0.0 });
                gb[c] += error;
                for &(i, v) in &e.x {
                    gw[c * d + i as usize] += error * v * scale[i as usize];
                }
            }
        }
        for (g, w) in gw.iter_mut().zip(&w) {
            *g += settings.l2 * w;
        }
        let correction1 = 1.0 - beta1.powi(step as i32);
        let correction2 = 1.0 - beta2.powi(step as i32);
        let update = |param: &mut [f32], grad: &[f32], m: &mut [f32], v: &mut [f32]| {
            for j in 0..param.len() {
                m[j] = beta1 * m[j] + (1.0 - beta1) * grad[j];
                v[j] = beta2 * v[j] + (1.0 - beta2) * grad[j] * grad[j];
                let step = settings.learning_rate * (m[j] / correction1) / ((v[j] / correction2).sqrt() + epsilon);
                param[j] -= step;
            }
        };
        update(&mut w, &gw, &mut mw, &mut vw);
        update(&mut b, &gb, &mut mb, &mut vb);
    }
    let round = |x: f32| (x * 10_000.0).round() / 10_000.0;
    Model {
        classes: classes.iter().map(|c| c.to_string()).collect(),
        features: features.iter().map(|f| f.to_string()).collect(),
        weights: (0..k).map(|c| (0..d).map(|i| round(w[c * d + i] * scale[i])).collect()).collect(),
        bias: b.into_iter().map(round).collect(),
        thresholds: Vec::new(),
        note: String::new(),
    }
}

/// The model's probabilities for a sparse example.
pub fn predict(model: &Model, x: &[(u32, f32)]) -> Vec<f32> {
    let mut dense = vec![0.0f32; model.features.len()];
    for &(i, v) in x {
        if let Some(slot) = dense.get_mut(i as usize) {
            *slot += v;
        }
    }
    model.probabilities(&dense)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_what_a_line_separates() {
        // Class 1 when x0 > x1, with a useless third feature.
        let mut examples = Vec::new();
        for i in 0..200 {
            let a = ((i * 37) % 101) as f32 / 100.0;
            let b = ((i * 53) % 97) as f32 / 96.0;
            let noise = ((i * 11) % 7) as f32;
            examples.push(Example::dense(&[a, b, noise], usize::from(a > b)));
        }
        let model = fit(&examples, &["no", "yes"], &["a", "b", "noise"], Settings::default());
        let correct = examples.iter().filter(|e| {
            let p = predict(&model, &e.x);
            usize::from(p[1] > p[0]) == e.label
        });
        assert!(correct.count() >= 190);
        assert!(model.weights[1][0] > 0.0 && model.weights[1][1] < 0.0);
        assert!(model.weights[1][2].abs() < model.weights[1][0].abs() / 4.0);
        // Deterministic.
        assert_eq!(model, fit(&examples, &["no", "yes"], &["a", "b", "noise"], Settings::default()));
    }
}
