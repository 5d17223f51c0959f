<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../gui/lessons.py" line="80" />
        <source>1.1 Neural network and composite function</source>
        <translation>1.1 神经网络和复合函数</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="82" />
        <source>&lt;p&gt;If y = f(u) and u = g(x), then y = f(g(x)) is the &lt;b&gt;composite function&lt;/b&gt; of f and g.&lt;/p&gt;&lt;p&gt;A neuron is one: y = a(w&lt;sub&gt;1&lt;/sub&gt;x&lt;sub&gt;1&lt;/sub&gt; + w&lt;sub&gt;2&lt;/sub&gt;x&lt;sub&gt;2&lt;/sub&gt; + b) is the composite of the linear function z = w·x + b (weights w, bias b) and the activation function a.&lt;/p&gt;&lt;p&gt;Change the weights, the bias and the activation, and watch the values flow forward through the graph.&lt;/p&gt;</source>
        <translation>&lt;p&gt;若 y = f(u)，u = g(x)，则 y = f(g(x)) 称为 f 与 g 的&lt;b&gt;复合函数&lt;/b&gt;。&lt;/p&gt;&lt;p&gt;神经元就是一个复合函数：y = a(w&lt;sub&gt;1&lt;/sub&gt;x&lt;sub&gt;1&lt;/sub&gt; + w&lt;sub&gt;2&lt;/sub&gt;x&lt;sub&gt;2&lt;/sub&gt; + b) 是线性函数 z = w·x + b（权重 w，偏置 b）与激活函数 a 的复合。&lt;/p&gt;&lt;p&gt;改变权重、偏置和激活函数，观察数值如何在计算图中向前传播。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="90" />
        <source>1.2 Single-variable chain rule</source>
        <translation>1.2 单变量函数的链式法则</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="92" />
        <source>&lt;p&gt;&lt;b&gt;dy/dx = dy/du · du/dx&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Here y = u² and u = 3x + 1, so dy/du = 2u, du/dx = 3 and dy/dx = 2u·3 = 6(3x + 1).&lt;/p&gt;&lt;p&gt;The approximation f(x + Δx) ≈ f(x) + f′(x)·Δx is the tangent line: make Δx small and the error shrinks faster than Δx.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;dy/dx = dy/du · du/dx&lt;/b&gt;&lt;/p&gt;&lt;p&gt;这里 y = u²，u = 3x + 1，所以 dy/du = 2u，du/dx = 3，dy/dx = 2u·3 = 6(3x + 1)。&lt;/p&gt;&lt;p&gt;近似公式 f(x + Δx) ≈ f(x) + f′(x)·Δx 就是切线：Δx 越小，误差比 Δx 缩小得更快。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="98" />
        <source>1.3 Multivariable chain rule</source>
        <translation>1.3 多变量函数的链式法则</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="100" />
        <source>&lt;p&gt;If z = f(u, v) with u = u(x, y) and v = v(x, y), then&lt;/p&gt;&lt;p&gt;&lt;b&gt;∂z/∂x = ∂z/∂u · ∂u/∂x + ∂z/∂v · ∂v/∂x&lt;/b&gt;&lt;br&gt;&lt;b&gt;∂z/∂y = ∂z/∂u · ∂u/∂y + ∂z/∂v · ∂v/∂y&lt;/b&gt;&lt;/p&gt;&lt;p&gt;One product for each path from x to z, added up. Pick a derivative to see its paths.&lt;/p&gt;</source>
        <translation>&lt;p&gt;若 z = f(u, v)，u = u(x, y)，v = v(x, y)，则&lt;/p&gt;&lt;p&gt;&lt;b&gt;∂z/∂x = ∂z/∂u · ∂u/∂x + ∂z/∂v · ∂v/∂x&lt;/b&gt;&lt;br&gt;&lt;b&gt;∂z/∂y = ∂z/∂u · ∂u/∂y + ∂z/∂v · ∂v/∂y&lt;/b&gt;&lt;/p&gt;&lt;p&gt;从 x 到 z 的每条路径贡献一个乘积，再把它们相加。选择一个导数，查看它的路径。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="107" />
        <source>1.4 Vector form of the approximation</source>
        <translation>1.4 近似公式的向量形式</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="109" />
        <source>&lt;p&gt;Δz ≈ ∂z/∂x·Δx + ∂z/∂y·Δy = &lt;b&gt;∇z · Δx&lt;/b&gt;, with the gradient ∇z = (∂z/∂x, ∂z/∂y) and the displacement Δx = (Δx, Δy).&lt;/p&gt;&lt;p&gt;The tangent plane at the point is this approximation; move Δx and Δy and compare the true Δz with ∇z·Δx.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Δz ≈ ∂z/∂x·Δx + ∂z/∂y·Δy = &lt;b&gt;∇z · Δx&lt;/b&gt;，其中梯度 ∇z = (∂z/∂x, ∂z/∂y)，位移向量 Δx = (Δx, Δy)。&lt;/p&gt;&lt;p&gt;该点处的切平面就是这个近似；移动 Δx 和 Δy，比较真实的 Δz 与 ∇z·Δx。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="115" />
        <source>2.1 The idea of gradient descent</source>
        <translation>2.1 梯度下降法的思路</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="117" />
        <source>&lt;p&gt;Instead of solving ∂f/∂x = 0, ∂f/∂y = 0 directly, move a point little by little downhill until it reaches a minimum.&lt;/p&gt;&lt;p&gt;z = x² + y² from (3, 2) with η = 0.1: each step multiplies the point by 0.8, so it passes (2.4, 1.6), (1.92, 1.28), … towards (0, 0).&lt;/p&gt;</source>
        <translation>&lt;p&gt;不直接求解 ∂f/∂x = 0、∂f/∂y = 0，而是让点沿着函数图像一点一点往下走，直到到达最小值。&lt;/p&gt;&lt;p&gt;z = x² + y²，从 (3, 2) 出发，η = 0.1：每一步把点乘以 0.8，依次经过 (2.4, 1.6)、(1.92, 1.28)……趋向 (0, 0)。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="123" />
        <source>2.2–2.3 Why the gradient</source>
        <translation>2.2–2.3 为什么沿梯度方向</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="125" />
        <source>&lt;p&gt;Δz ≈ ∇f · Δx, and an inner product a · b = |a||b|cos θ is smallest when b points opposite to a (θ = 180°).&lt;/p&gt;&lt;p&gt;So for a step of fixed length, f falls fastest when Δx points opposite to ∇f. The arrow at the current point shows −η∇f; the contour lines cross it at right angles.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Δz ≈ ∇f · Δx，而内积 a · b = |a||b|cos θ 在 b 与 a 方向相反（θ = 180°）时最小。&lt;/p&gt;&lt;p&gt;所以步长一定时，Δx 与 ∇f 方向相反，f 下降得最快。当前点处的箭头表示 −η∇f；等高线与它垂直相交。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="131" />
        <source>2.4 The basic formula for two variables</source>
        <translation>2.4 两个变量的梯度下降基本式</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="133" />
        <source>&lt;p&gt;&lt;b&gt;(Δx, Δy) = −η · (∂f/∂x, ∂f/∂y)&lt;/b&gt;, η &gt; 0.&lt;/p&gt;&lt;p&gt;The chapter's example f(x, y) = (x + y − 3)² + (x + 2y − 5)² + 2 has ∂f/∂x = 2(x + y − 3) + 2(x + 2y − 5) and ∂f/∂y = 2(x + y − 3) + 4(x + 2y − 5). With η = 0.1 the point reaches the minimum f = 2 at (x, y) = (1, 2). Step through it and read each update.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;(Δx, Δy) = −η · (∂f/∂x, ∂f/∂y)&lt;/b&gt;，η &gt; 0。&lt;/p&gt;&lt;p&gt;本章的例子 f(x, y) = (x + y − 3)² + (x + 2y − 5)² + 2，∂f/∂x = 2(x + y − 3) + 2(x + 2y − 5)，∂f/∂y = 2(x + y − 3) + 4(x + 2y − 5)。取 η = 0.1，点会到达最小值 f = 2，位置 (x, y) = (1, 2)。逐步执行，读出每一次更新。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="140" />
        <source>2.5 Three or more variables</source>
        <translation>2.5 三个及更多变量</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="142" />
        <source>&lt;p&gt;(Δx, Δy, Δz) = −η · (∂f/∂x, ∂f/∂y, ∂f/∂z); for n variables &lt;b&gt;Δθ = −η · ∇f(θ)&lt;/b&gt;. All coordinates are updated at the same time.&lt;/p&gt;&lt;p&gt;With three variables there is no surface to draw, but the loss curve, the trace of each variable and the step table still show every update.&lt;/p&gt;</source>
        <translation>&lt;p&gt;(Δx, Δy, Δz) = −η · (∂f/∂x, ∂f/∂y, ∂f/∂z)；n 个变量时 &lt;b&gt;Δθ = −η · ∇f(θ)&lt;/b&gt;。所有坐标同时更新。&lt;/p&gt;&lt;p&gt;三个变量时无法画出曲面，但损失曲线、各变量的轨迹和步骤表仍然展示每一次更新。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="148" />
        <source>2.6 The learning rate η</source>
        <translation>2.6 学习率 η</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="150" />
        <source>&lt;p&gt;η too small: slow, many iterations. η too large: the point jumps over the minimum, oscillates (来回震荡) or never converges.&lt;/p&gt;&lt;p&gt;For the chapter's f the Hessian has eigenvalues 7 ± √45, so plain gradient descent converges only for η &amp;lt; 2/λ&lt;sub&gt;max&lt;/sub&gt; ≈ 0.1459: η = 0.14 zig-zags but converges, η = 0.15 diverges. Try both.&lt;/p&gt;</source>
        <translation>&lt;p&gt;η 太小：收敛慢，需要很多次迭代。η 太大：点会越过最小值，来回震荡，甚至无法收敛。&lt;/p&gt;&lt;p&gt;本章的 f 的黑塞矩阵特征值为 7 ± √45，所以普通梯度下降只有在 η &amp;lt; 2/λ&lt;sub&gt;max&lt;/sub&gt; ≈ 0.1459 时才收敛：η = 0.14 呈锯齿状但收敛，η = 0.15 发散。两个都试一试。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="157" />
        <source>2.6 Different starts, different minima</source>
        <translation>2.6 不同起点，不同的局部最小值</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="159" />
        <source>&lt;p&gt;Himmelblau's function has four minima. Which one gradient descent reaches depends on the start point: click the contour map to try starts, or turn on the basin map to colour every start by the minimum it reaches.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Himmelblau 函数有四个最小值。梯度下降到达哪一个取决于起点：点击等高线图尝试不同起点，或打开“吸引域图”，按每个起点最终到达的最小值为其着色。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="165" />
        <source>2.7 The chapter's Python example</source>
        <translation>2.7 本章的 Python 示例</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="167" />
        <source>&lt;p&gt;Minimise f(x, y) = (x + y − 3)² + (x + 2y − 5)² + 2 with η = 0.1, at most 10000 iterations. The exact minimum is f = 2 at (1, 2).&lt;/p&gt;&lt;p&gt;The original code wrote its tolerance as −5 (meant 1e−5), so it always ran all 10000 iterations. A stop rule on |Δf| &amp;lt; 1e−5 stops early, near (1.028, 1.983); a rule on |∇f| is the better default. Compare the two stop rules.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用 η = 0.1、最多 10000 次迭代最小化 f(x, y) = (x + y − 3)² + (x + 2y − 5)² + 2。精确的最小值是 f = 2，位于 (1, 2)。&lt;/p&gt;&lt;p&gt;原代码把容差写成了 −5（本意是 1e−5），因此总是跑满 10000 次迭代。以 |Δf| &amp;lt; 1e−5 为停止条件会提前停在 (1.028, 1.983) 附近；以 |∇f| 为停止条件是更好的默认选择。比较这两种停止条件。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="175" />
        <source>3.1 Building a model is an optimisation problem</source>
        <translation>3.1 建立模型是最优化问题</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="177" />
        <source>&lt;p&gt;Choosing a model's parameters so that it fits data best is an &lt;b&gt;optimisation problem&lt;/b&gt; (最优化问题); fitting a neural network's weights and biases is the same kind of problem.&lt;/p&gt;&lt;p&gt;Drag the points and watch the best line follow.&lt;/p&gt;</source>
        <translation>&lt;p&gt;选择模型的参数使其最符合数据，就是一个&lt;b&gt;最优化问题&lt;/b&gt;；确定神经网络的权重和偏置也是同一类问题。&lt;/p&gt;&lt;p&gt;拖动数据点，观察最佳直线随之变化。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="183" />
        <source>3.2 Regression analysis</source>
        <translation>3.2 回归分析</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="185" />
        <source>&lt;p&gt;Regression analysis explains one variable by others. Simple linear regression fits &lt;b&gt;y = kx + b&lt;/b&gt; (the textbook writes y = px + q).&lt;/p&gt;&lt;p&gt;Here x is weight (kg) and y is height (cm) of 8 girls.&lt;/p&gt;</source>
        <translation>&lt;p&gt;回归分析用其他变量来解释一个变量。一元线性回归拟合 &lt;b&gt;y = kx + b&lt;/b&gt;（教材写作 y = px + q）。&lt;/p&gt;&lt;p&gt;这里 x 是 8 名女生的体重（kg），y 是身高（cm）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="190" />
        <source>3.3 The cost function</source>
        <translation>3.3 代价函数</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="192" />
        <source>&lt;p&gt;The cost function (误差函数/损失函数) is the sum of squared errors &lt;b&gt;C = Σ (y&lt;sub&gt;i&lt;/sub&gt; − (k·x&lt;sub&gt;i&lt;/sub&gt; + b))²&lt;/b&gt; (the textbook puts ½ in front). Minimising it is the method of least squares.&lt;/p&gt;&lt;p&gt;Each residual's square is drawn: the best line makes their total area smallest. Set your own line and compare.&lt;/p&gt;</source>
        <translation>&lt;p&gt;代价函数（误差函数/损失函数）是误差的平方和 &lt;b&gt;C = Σ (y&lt;sub&gt;i&lt;/sub&gt; − (k·x&lt;sub&gt;i&lt;/sub&gt; + b))²&lt;/b&gt;（教材在前面加了 ½）。使它最小的方法就是最小二乘法。&lt;/p&gt;&lt;p&gt;每个残差的平方都画成了正方形：最佳直线使它们的总面积最小。设置你自己的直线来比较。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="199" />
        <source>3.4 The heights and weights example</source>
        <translation>3.4 身高体重的例子</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="201" />
        <source>&lt;p&gt;The least-squares line for the 8 girls is k = 0.75141…, b = 124.298…, with r = 0.79847, R² = 0.63756 and SSE = 113.6243.&lt;/p&gt;&lt;p&gt;The chapter's iterative solver printed k = 0.7514124562779751, b = 124.29802113285037: the same to about 7 significant digits. Fit it by gradient descent too — and see why standardising x matters.&lt;/p&gt;</source>
        <translation>&lt;p&gt;这 8 名女生数据的最小二乘直线为 k = 0.75141…，b = 124.298…，r = 0.79847，R² = 0.63756，SSE = 113.6243。&lt;/p&gt;&lt;p&gt;本章的迭代求解器输出 k = 0.7514124562779751，b = 124.29802113285037：约 7 位有效数字相同。也用梯度下降来拟合——看看为什么要把 x 标准化。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="208" />
        <source>3.5 The number of model parameters</source>
        <translation>3.5 模型参数的个数</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="210" />
        <source>&lt;p&gt;To determine a model you need more data points than it has parameters: a line has 2, a degree-n polynomial n + 1.&lt;/p&gt;&lt;p&gt;Here a parabola (3 parameters) meets 3 points: it passes through all of them with zero error, and says nothing about the data. Add points, or lower the degree.&lt;/p&gt;</source>
        <translation>&lt;p&gt;要确定一个模型，数据点的个数必须多于模型参数的个数：直线有 2 个参数，n 次多项式有 n + 1 个。&lt;/p&gt;&lt;p&gt;这里抛物线（3 个参数）遇到 3 个点：它恰好穿过所有点，误差为零，却不能说明数据的任何规律。增加数据点，或降低次数。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="263" />
        <source>◀ Previous</source>
        <translation>◀ 上一课</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="264" />
        <source>Next ▶</source>
        <translation>下一课 ▶</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="266" />
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../gui/lessons.py" line="267" />
        <source>&lt;p&gt;Choose a lesson from the Lessons menu: each one opens the right lab with the chapter's example.&lt;/p&gt;</source>
        <translation>&lt;p&gt;从“课程”菜单中选择一课：每一课都会打开相应的实验室，并载入本章的例子。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="93" />
        <source>This lesson's lab is not available yet.</source>
        <translation>本课程对应的实验室暂不可用。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="128" />
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="140" />
        <source>Restored your last session.</source>
        <translation>已恢复上次的工作。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="157" />
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="164" />
        <source>Cannot open session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="177" />
        <source>This file is damaged or is not a GradLab session (it is not valid JSON).</source>
        <translation>该文件已损坏或不是梯度实验室会话文件（不是有效的 JSON）。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="179" />
        <source>This is not a GradLab session file.</source>
        <translation>这不是梯度实验室的会话文件。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="180" />
        <source>This session was saved by a newer version of GradLab (format {0}); this version reads up to format {1}. Please update GradLab.</source>
        <translation>该会话由更新版本的梯度实验室保存（格式 {0}）；当前版本最多只能读取格式 {1}。请更新梯度实验室。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="184" />
        <source>This file is too large to be a GradLab session.</source>
        <translation>该文件太大，不可能是梯度实验室会话文件。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="185" />
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="188" />
        <source>Nothing was changed: your current work is as it was.</source>
        <translation>没有做任何更改：你当前的工作保持原样。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="197" />
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="208" />
        <source>Cannot save session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="209" />
        <source>The session could not be saved:</source>
        <translation>无法保存会话：</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="215" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="244" />
        <source>GradLab 梯度实验室</source>
        <translation>梯度实验室 GradLab</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="336" />
        <source>&amp;New session</source>
        <translation>新建会话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="337" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="338" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="339" />
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="340" />
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="341" />
        <source>Gradient Descent</source>
        <translation>梯度下降法</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="342" />
        <source>Regression</source>
        <translation>回归分析</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="343" />
        <source>Chain Rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="348" />
        <source>This lab is not available yet.</source>
        <translation>该实验室暂不可用。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="349" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="350" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="351" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="352" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="353" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="354" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="355" />
        <source>Lesso&amp;ns</source>
        <translation>课程(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="358" />
        <source>Show lesson &amp;panel</source>
        <translation>显示课程面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="359" />
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="360" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="361" />
        <source>&amp;About GradLab</source>
        <translation>关于梯度实验室(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="371" />
        <source>About GradLab</source>
        <translation>关于梯度实验室</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="384" />
        <source>GradLab 梯度实验室: the chain rule, gradient descent and least squares, to touch.</source>
        <translation>梯度实验室：动手体验链式法则、梯度下降法和最小二乘法。</translation>
    </message>
</context>
<context>
    <name>StepControls</name>
    <message>
        <location filename="../../gui/views/stepper.py" line="213" />
        <source>step {i} / {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="216" />
        <source>Step</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="217" />
        <source>One step forward (→ or Space)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="218" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="219" />
        <source>One step back (←): exact, the run is recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="220" />
        <source>Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="221" />
        <source>Play</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="222" />
        <source>Run to end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="223" />
        <source>Jump to where the run stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="224" />
        <source>Reset</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="225" />
        <source>Back to the start point</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="226" />
        <source>steps/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="227" />
        <source>× per frame</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="228" />
        <source>Play speed in frames per second</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="229" />
        <source>Steps taken per frame, for long runs</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <location filename="../../gui/views/stepper.py" line="270" />
        <source>&lt;i&gt;Run descent to see each step's arithmetic.&lt;/i&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="274" />
        <source>Step {k} → {k1}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="276" />
        <source>Step {k}: the run stopped here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="290" />
        <source>Update rule: {rule}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="299" />
        <source>Δf ≈ ∇f·Δθ = {a} &amp;nbsp;&amp;nbsp; true Δf = {t}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StepTable</name>
    <message>
        <location filename="../../gui/views/stepper.py" line="418" />
        <source>Export steps as CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="419" />
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/stepper.py" line="424" />
        <source>Export CSV…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SurfaceView</name>
    <message>
        <location filename="../../gui/views/surface.py" line="169" />
        <source>Reset view</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../gui/views/surface.py" line="170" />
        <source>Reset the camera (drag to rotate, wheel to zoom)</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>